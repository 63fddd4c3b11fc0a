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
        Arrays.sort(ms);
        double median = ms.length == 0 ? Double.NaN
                : ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
        return new Outcome(name, ok, images.size(), median);
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
