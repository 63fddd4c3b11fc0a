package io.github.eidvn.bench;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.RectangularShape;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.github.eidvn.qr.HardPhotoSet;
import io.github.eidvn.qr.QrImageDecoder;
import io.github.eidvn.qr.QrScanResult;

/**
 * P5: decoding ZXing's 22 real photographs ({@code zxing-qrcode-blackbox}, known failures excluded) at 0, 90, 180
 * and 270 degrees with {@link QrImageDecoder}, beside one plain ZXing pass (QRCodeReader, HybridBinarizer,
 * TRY_HARDER). A first untimed pass warms both up; the second is timed per decode.
 */
public final class Photos {

    private Photos() {
    }

    /** The outcome for one decoder. */
    public record Outcome(String decoder, int decoded, int total, double medianMs) {
    }

    /**
     * Runs both decoders over the photos.
     *
     * @param blackbox the {@code zxing-qrcode-blackbox} folder
     * @return eid's decoder, then plain ZXing
     * @throws IOException when a photo cannot be read
     */
    public static List<Outcome> run(Path blackbox) throws IOException {
        List<Path> images;
        try (Stream<Path> s = Files.walk(blackbox)) {
            images = s.filter(p -> p.toString().endsWith(".png") && !p.toString().contains("known-failures"))
                    .sorted().collect(Collectors.toList());
        }
        List<BufferedImage> rotated = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Path png : images) {
            BufferedImage img = ImageIO.read(png.toFile());
            String name = png.getFileName().toString();
            String text = Files.readString(png.resolveSibling(name.substring(0, name.length() - 4) + ".txt"),
                    StandardCharsets.UTF_8);
            for (int degrees = 0; degrees < 360; degrees += 90) {
                rotated.add(rotate(img, degrees));
                expected.add(text);
            }
        }
        List<Outcome> out = new ArrayList<>();
        out.add(measure("eid QrImageDecoder", rotated, expected, true));
        out.add(measure("ZXing 3.5.4 TRY_HARDER", rotated, expected, false));
        return out;
    }

    /**
     * P5_hard: the 42 generated photos of {@code HardPhotoSet} (eid-qr's test fixtures: strong perspective, barrel
     * distortion, a bent card, 3 pixels per module, dark noisy JPEG, focus and motion blur, alone and combined),
     * decoded from their JPEG bytes by {@link QrImageDecoder} and by one plain ZXing pass, and read by
     * {@code zbarimg} when it is installed (its time includes starting the process, so only its count is compared).
     *
     * @param zbarimg the zbarimg executable, or null to leave zbar out
     * @return eid's decoder, plain ZXing, then zbar when given
     * @throws IOException when a temporary file cannot be written
     * @throws InterruptedException when interrupted while waiting for zbarimg
     */
    public static List<Outcome> runHard(Path zbarimg) throws IOException, InterruptedException {
        List<HardPhotoSet.Photo> photos = HardPhotoSet.generate();
        List<BufferedImage> images = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (HardPhotoSet.Photo p : photos) {
            images.add(p.image());
            expected.add(p.text());
        }
        List<Outcome> out = new ArrayList<>();
        out.add(measure("eid QrImageDecoder", images, expected, true));
        out.add(measure("ZXing 3.5.4 TRY_HARDER", images, expected, false));
        if (zbarimg != null) {
            Path dir = Files.createTempDirectory("p5hard");
            double[] ms = new double[photos.size()];
            int ok = 0;
            try {
                for (int i = 0; i < photos.size(); i++) {
                    Path file = dir.resolve(i + ".jpg");
                    Files.write(file, photos.get(i).jpeg());
                    long t0 = System.nanoTime();
                    Process proc = new ProcessBuilder(zbarimg.toString(), "--raw", "-q", "--set", "*.enable=0",
                            "--set", "qrcode.enable=1", file.toString())
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    proc.waitFor();
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                    if (text.equals(expected.get(i) + "\n")) {
                        ok++;
                    }
                    Files.delete(file);
                }
            } finally {
                Files.delete(dir);
            }
            out.add(new Outcome("zbarimg (process)", ok, photos.size(), median(ms)));
        }
        return out;
    }

    private static double median(double[] ms) {
        Arrays.sort(ms);
        return ms.length == 0 ? Double.NaN
                : ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
    }

    private static Outcome measure(String name, List<BufferedImage> images, List<String> expected, boolean eid) {
        for (BufferedImage img : images) {
            decode(img, eid); // warm-up
        }
        double[] ms = new double[images.size()];
        int ok = 0;
        for (int i = 0; i < images.size(); i++) {
            long t0 = System.nanoTime();
            String text = decode(images.get(i), eid);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (expected.get(i).equals(text)) {
                ok++;
            }
        }
        return new Outcome(name, ok, images.size(), median(ms));
    }

    private static String decode(BufferedImage img, boolean eid) {
        if (eid) {
            QrScanResult r = QrImageDecoder.decode(img);
            return r instanceof QrScanResult.Found ? ((QrScanResult.Found) r).text() : null;
        }
        try {
            Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(img))), hints).getText();
        } catch (ReaderException e) {
            return null;
        }
    }

    /** Rotation as ZXing's AbstractBlackBoxTestCase: AffineTransformOp, nearest neighbour. */
    static BufferedImage rotate(BufferedImage src, int degrees) {
        if (degrees == 0) {
            return src;
        }
        BufferedImage original = src;
        int type = original.getType();
        if (type == BufferedImage.TYPE_BYTE_INDEXED || type == BufferedImage.TYPE_BYTE_BINARY
                || type == BufferedImage.TYPE_CUSTOM) {
            BufferedImage argb = new BufferedImage(original.getWidth(), original.getHeight(),
                    BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = argb.createGraphics();
            g.drawImage(original, 0, 0, null);
            g.dispose();
            original = argb;
        }
        double radians = Math.toRadians(degrees);
        AffineTransform at = new AffineTransform();
        at.rotate(radians, original.getWidth() / 2.0, original.getHeight() / 2.0);
        BufferedImageOp op = new AffineTransformOp(at, AffineTransformOp.TYPE_NEAREST_NEIGHBOR);
        RectangularShape r = op.getBounds2D(original);
        int width = (int) Math.ceil(r.getWidth());
        int height = (int) Math.ceil(r.getHeight());
        at = new AffineTransform();
        at.rotate(radians, width / 2.0, height / 2.0);
        at.translate((width - original.getWidth()) / 2.0, (height - original.getHeight()) / 2.0);
        op = new AffineTransformOp(at, AffineTransformOp.TYPE_NEAREST_NEIGHBOR);
        return op.filter(original, new BufferedImage(width, height, original.getType()));
    }
}
