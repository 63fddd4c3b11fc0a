package io.github.eidvn.qr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.InvertedLuminanceSource;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads a QR code from a photo or a screenshot, robustly: it tries, in order and stopping at the first success,
 * ZXing's hybrid and global-histogram binarizers with TRY_HARDER, a pure-barcode pass, the image turned by 90, 180
 * and 270 degrees, the inverted image (light modules on dark), and a half-size and a double-size copy. Only when all
 * of these fail come the hard passes, for photos of bent cards, wide-angle lenses, strong perspective, noise and
 * blur: a 3×3 median (noise, JPEG ringing) and an unsharp mask, then a warped-grid reader that locates every
 * alignment pattern and samples the modules between them piece by piece (see {@code WarpedSymbolReader}), on the
 * plain, denoised, sharpened and double-size image. They stop once {@value #TIME_BUDGET_MS} ms of the calling
 * thread's CPU time are spent, so an image that holds no code costs at most about that much. ZXing's Reed-Solomon
 * check guards every attempt, so trying more never returns wrong text.
 *
 * <p><b>Security.</b> Image bytes are untrusted: files over {@value #MAX_INPUT_BYTES} bytes and images over
 * {@value #MAX_PIXELS} pixels are refused before the pixels are decoded (the dimensions are read from the header
 * first, against decompression bombs); larger-than-{@value #WORK_PIXELS}-pixel images are subsampled while reading.
 * Only the JDK's own PNG, JPEG, GIF and BMP readers are used, chosen by the file's magic bytes, whatever other
 * ImageIO plug-ins are on the class path. No input makes these methods throw (except null, a programmer error).
 */
public final class QrImageDecoder {

    /** Largest accepted image file, in bytes (10 MiB). */
    public static final int MAX_INPUT_BYTES = 10 * 1024 * 1024;
    /** Largest accepted image, in pixels (40 megapixels). */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Images larger than this many pixels are decoded at a reduced size. */
    public static final long WORK_PIXELS = 12_000_000L;
    /**
     * Time after which no further hard pass (warped grid, denoising, sharpening) is started, in milliseconds of the
     * calling thread's CPU time (wall-clock time where the JVM cannot measure it).
     */
    public static final long TIME_BUDGET_MS = 2_000L;

    private static final Map<DecodeHintType, Object> TRY_HARDER = hints(DecodeHintType.TRY_HARDER);
    private static final Map<DecodeHintType, Object> PURE = hints(DecodeHintType.PURE_BARCODE);

    private QrImageDecoder() {
    }

    private static Map<DecodeHintType, Object> hints(DecodeHintType hint) {
        Map<DecodeHintType, Object> m = new EnumMap<>(DecodeHintType.class);
        m.put(hint, Boolean.TRUE);
        return m;
    }

    /**
     * Reads a QR code from image file bytes (PNG, JPEG, GIF or BMP).
     *
     * @param imageBytes the file content (untrusted)
     * @return {@link QrScanResult.Found} with the text, or {@link QrScanResult.Failed}
     * @throws NullPointerException when {@code imageBytes} is null
     */
    public static QrScanResult decode(byte[] imageBytes) {
        Objects.requireNonNull(imageBytes, "imageBytes");
        if (imageBytes.length > MAX_INPUT_BYTES) {
            return failed(QrScanResult.Reason.IMAGE_TOO_LARGE, "file of " + imageBytes.length + " bytes, limit "
                    + MAX_INPUT_BYTES);
        }
        String format = sniffFormat(imageBytes);
        if (format == null) {
            return failed(QrScanResult.Reason.UNREADABLE_IMAGE, "not a PNG, JPEG, GIF or BMP file");
        }
        ImageReader reader = jdkReader(format);
        if (reader == null) {
            return failed(QrScanResult.Reason.UNREADABLE_IMAGE, "no built-in " + format + " reader");
        }
        BufferedImage image;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(imageBytes))) {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                return failed(QrScanResult.Reason.UNREADABLE_IMAGE, "image has no pixels");
            }
            if (width * height > MAX_PIXELS) {
                return failed(QrScanResult.Reason.IMAGE_TOO_LARGE, width + "x" + height + " pixels, limit "
                        + MAX_PIXELS);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = 1;
            while (width * height / ((long) step * step) > WORK_PIXELS) {
                step++;
            }
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            return failed(QrScanResult.Reason.UNREADABLE_IMAGE, format + " decoding failed: "
                    + e.getClass().getSimpleName());
        } finally {
            reader.dispose();
        }
        if (image == null) {
            return failed(QrScanResult.Reason.UNREADABLE_IMAGE, "no image decoded");
        }
        return decode(image);
    }

    /**
     * Reads a QR code from an image.
     *
     * @param image the image (any type; transparent pixels count as white)
     * @return {@link QrScanResult.Found} with the text, or {@link QrScanResult.Failed}
     * @throws NullPointerException when {@code image} is null
     */
    public static QrScanResult decode(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        TimeBudget budget = TimeBudget.startingNow(TIME_BUDGET_MS);
        long pixels = (long) image.getWidth() * image.getHeight();
        if (pixels > MAX_PIXELS) {
            return failed(QrScanResult.Reason.IMAGE_TOO_LARGE, image.getWidth() + "x" + image.getHeight()
                    + " pixels, limit " + MAX_PIXELS);
        }
        try {
            BufferedImage work = image;
            if (pixels > WORK_PIXELS) {
                double f = Math.sqrt((double) WORK_PIXELS / pixels);
                work = scaled(image, f);
            }
            String text = new Ladder(work, budget).run();
            return text != null ? new QrScanResult.Found(text)
                    : failed(QrScanResult.Reason.NOT_FOUND, "no QR code found after all attempts");
        } catch (RuntimeException e) {
            // an image type the JDK's colour conversion rejects; ZXing failures are handled per attempt
            return failed(QrScanResult.Reason.UNREADABLE_IMAGE, "image could not be processed: "
                    + e.getClass().getSimpleName());
        }
    }

    /** The ordered attempts; sources are built lazily and reused across attempts. */
    private static final class Ladder {
        private final BufferedImage image;
        private LuminanceSource r0;
        private LuminanceSource r90;
        private LuminanceSource r180;
        private LuminanceSource r270;
        private LuminanceSource denoised;
        private LuminanceSource sharpened;
        private final TimeBudget budget;

        Ladder(BufferedImage image, TimeBudget budget) {
            this.image = image;
            this.budget = budget;
        }

        String run() {
            List<Attempt> attempts = new ArrayList<>();
            attempts.add(new Attempt(l -> l.r0(), true, TRY_HARDER));
            attempts.add(new Attempt(l -> l.r0(), false, TRY_HARDER));
            attempts.add(new Attempt(l -> l.r0(), true, PURE));
            attempts.add(new Attempt(l -> l.r90(), true, TRY_HARDER));
            attempts.add(new Attempt(l -> l.r180(), true, TRY_HARDER));
            attempts.add(new Attempt(l -> l.r270(), true, TRY_HARDER));
            attempts.add(new Attempt(l -> l.r90(), false, TRY_HARDER));
            attempts.add(new Attempt(l -> l.r180(), false, TRY_HARDER));
            attempts.add(new Attempt(l -> l.r270(), false, TRY_HARDER));
            attempts.add(new Attempt(l -> new InvertedLuminanceSource(l.r0()), true, TRY_HARDER));
            attempts.add(new Attempt(l -> new InvertedLuminanceSource(l.r0()), false, TRY_HARDER));
            attempts.add(new Attempt(l -> new InvertedLuminanceSource(l.r90()), true, TRY_HARDER));
            int w = image.getWidth();
            int h = image.getHeight();
            if (Math.min(w, h) >= 400) {
                attempts.add(new Attempt(l -> l.scaledSource(0.5, false), true, TRY_HARDER));
                attempts.add(new Attempt(l -> l.scaledSource(0.5, true), true, TRY_HARDER));
            }
            if ((long) w * h * 4 <= WORK_PIXELS) {
                attempts.add(new Attempt(l -> l.scaledSource(2.0, false), true, TRY_HARDER));
                attempts.add(new Attempt(l -> l.scaledSource(2.0, true), true, TRY_HARDER));
            }
            for (Attempt a : attempts) {
                String text = a.tryOn(this);
                if (text != null) {
                    return text;
                }
            }
            // the hard passes: only when everything above failed, and only while the time budget lasts
            List<Attempt> hard = new ArrayList<>();
            hard.add(new Attempt(l -> l.denoised(), true, TRY_HARDER, false));
            hard.add(new Attempt(l -> l.sharpened(), true, TRY_HARDER, false));
            hard.add(new Attempt(l -> l.r0(), true, TRY_HARDER, true));
            hard.add(new Attempt(l -> l.denoised(), true, TRY_HARDER, true));
            hard.add(new Attempt(l -> l.sharpened(), true, TRY_HARDER, true));
            // a stronger, wider mask for focus blur of about a module
            hard.add(new Attempt(l -> PhotoFilters.unsharp(l.denoised(), 5, 2.0), true, TRY_HARDER, true));
            hard.add(new Attempt(l -> l.r0(), false, TRY_HARDER, true));
            if ((long) w * h * 4 <= WORK_PIXELS) {
                hard.add(new Attempt(l -> l.scaledSource(2.0, false), true, TRY_HARDER, true));
                hard.add(new Attempt(l -> PhotoFilters.median3(l.scaledSource(2.0, false)), true, TRY_HARDER,
                        false));
                hard.add(new Attempt(l -> PhotoFilters.median3(l.scaledSource(2.0, false)), true, TRY_HARDER,
                        true));
            }
            for (Attempt a : hard) {
                if (budget.expired()) {
                    return null;
                }
                String text = a.tryOn(this);
                if (text != null) {
                    return text;
                }
            }
            return null;
        }

        LuminanceSource denoised() {
            if (denoised == null) {
                denoised = PhotoFilters.median3(r0());
            }
            return denoised;
        }

        LuminanceSource sharpened() {
            if (sharpened == null) {
                sharpened = PhotoFilters.unsharp(denoised(), 3, 1.5);
            }
            return sharpened;
        }

        LuminanceSource r0() {
            if (r0 == null) {
                r0 = new BufferedImageLuminanceSource(image);
            }
            return r0;
        }

        LuminanceSource r90() {
            if (r90 == null) {
                r90 = r0().rotateCounterClockwise();
            }
            return r90;
        }

        LuminanceSource r180() {
            if (r180 == null) {
                r180 = r90().rotateCounterClockwise();
            }
            return r180;
        }

        LuminanceSource r270() {
            if (r270 == null) {
                r270 = r180().rotateCounterClockwise();
            }
            return r270;
        }

        LuminanceSource scaledSource(double factor, boolean rotate) {
            LuminanceSource s = new BufferedImageLuminanceSource(scaled(image, factor));
            return rotate ? s.rotateCounterClockwise() : s;
        }
    }

    /** One decoding attempt: a source, a binarizer, hints. */
    private static final class Attempt {
        private final Function<Ladder, LuminanceSource> source;
        private final boolean hybrid;
        private final Map<DecodeHintType, Object> hints;
        private final boolean warped;

        Attempt(Function<Ladder, LuminanceSource> source, boolean hybrid, Map<DecodeHintType, Object> hints) {
            this(source, hybrid, hints, false);
        }

        Attempt(Function<Ladder, LuminanceSource> source, boolean hybrid, Map<DecodeHintType, Object> hints,
                boolean warped) {
            this.source = source;
            this.hybrid = hybrid;
            this.hints = hints;
            this.warped = warped;
        }

        String tryOn(Ladder ladder) {
            try {
                LuminanceSource s = source.apply(ladder);
                BinaryBitmap bitmap = new BinaryBitmap(hybrid ? new HybridBinarizer(s) : new GlobalHistogramBinarizer(s));
                if (warped) {
                    return new WarpedSymbolReader(bitmap.getBlackMatrix(), s).read(hints, ladder.budget);
                }
                Result result = new QRCodeReader().decode(bitmap, hints);
                return result.getText();
            } catch (ReaderException e) {
                return null;
            } catch (RuntimeException e) {
                // ZXing's detector can fail with index errors on odd geometry: treat as "not found here"
                return null;
            }
        }
    }

    /** A gray copy scaled by {@code factor} (bilinear), transparent pixels on white. */
    static BufferedImage scaled(BufferedImage src, double factor) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(src.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** PNG, JPEG, GIF or BMP by magic bytes, else null. */
    static String sniffFormat(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "png";
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return "jpeg";
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return "gif";
        }
        if (startsWith(b, 'B', 'M') && b.length >= 26) {
            return "bmp";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** The JDK's own reader for a format (module java.desktop), ignoring third-party ImageIO plug-ins. */
    private static ImageReader jdkReader(String format) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        while (it.hasNext()) {
            ImageReader r = it.next();
            if ("java.desktop".equals(r.getClass().getModule().getName())) {
                return r;
            }
            r.dispose();
        }
        return null;
    }

    private static QrScanResult.Failed failed(QrScanResult.Reason reason, String detail) {
        return new QrScanResult.Failed(reason, detail);
    }
}
