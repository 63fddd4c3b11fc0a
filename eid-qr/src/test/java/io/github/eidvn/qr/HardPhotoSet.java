package io.github.eidvn.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.google.zxing.WriterException;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.encoder.ByteMatrix;

/**
 * A reproducible set of synthetic "photographs" of the signed QR codes eid issues, under harder camera conditions
 * than ZXing's photo set: strong perspective, wide-angle lens barrel distortion, a card bent in an arc, about 3
 * camera pixels per module, dark noisy JPEG, focus blur and motion blur, each alone at three severities and in
 * combinations. Every image comes from a fixed seed, so the set is the same on every machine and nothing is stored
 * on disk.
 *
 * <p>The camera model, applied backwards from each output pixel (2×2 supersampled): wide-angle lens (radial,
 * {@code r_u = r_d (1 + k r_d²)} with {@code r} relative to the half diagonal), then a homography from the image to
 * the plane of the card (ZXing's {@link PerspectiveTransform}), then the card's bend (a cylinder of radius {@code R}
 * modules around a vertical axis, seen from {@code 4N} modules away, so the top and bottom edges curve), then the
 * printed symbol (dark ink 35, paper 230, a 4-module quiet zone, a card border, a darker table around it). Then
 * uneven light, focus blur (Gaussian), motion blur (a line kernel), exposure, sensor noise and JPEG compression.
 */
public final class HardPhotoSet {

    /** One camera condition; the combinations use several. */
    public enum Condition {
        /** Strong perspective (card tilted 40–60 degrees). */
        PERSPECTIVE,
        /** Wide-angle lens barrel distortion, code off-centre. */
        BARREL,
        /** Card bent in an arc. */
        ARC,
        /** About 3 camera pixels per module (or fewer). */
        SMALL,
        /** Under-exposed, noisy, strongly compressed JPEG. */
        DARK_NOISY_JPEG,
        /** Out of focus. */
        FOCUS_BLUR,
        /** Hand shake during exposure. */
        MOTION_BLUR
    }

    /**
     * One generated photo.
     *
     * @param name a stable name, e.g. {@code arc-2-v14}
     * @param conditions the conditions applied
     * @param severity 1 (mild) to 3 (strong)
     * @param text the QR text
     * @param jpeg the image as a JPEG file
     */
    public record Photo(String name, List<Condition> conditions, int severity, String text, byte[] jpeg) {
        /** @return the image decoded from {@link #jpeg()} */
        public BufferedImage image() {
            try {
                return ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final List<List<Condition>> COMBINATIONS = List.of(
            List.of(Condition.PERSPECTIVE, Condition.DARK_NOISY_JPEG),
            List.of(Condition.ARC, Condition.FOCUS_BLUR),
            List.of(Condition.BARREL, Condition.SMALL),
            List.of(Condition.ARC, Condition.PERSPECTIVE),
            List.of(Condition.MOTION_BLUR, Condition.DARK_NOISY_JPEG),
            List.of(Condition.BARREL, Condition.ARC, Condition.FOCUS_BLUR),
            List.of(Condition.SMALL, Condition.PERSPECTIVE, Condition.DARK_NOISY_JPEG));

    private HardPhotoSet() {
    }

    /**
     * The QR texts: eid's signed QR container around realistic-size ES256 JWS (fixed seeds), the first two at QR
     * version 14 and 13 at level M (the hospital presentation's size), the third a smaller one (version 6).
     *
     * @return three texts
     */
    public static List<String> texts() {
        return List.of(textOfVersion(1814, 14), textOfVersion(1813, 13), textOfVersion(1806, 6));
    }

    /** The smallest realistic payload (step 4 bytes) whose container needs at least the given version. */
    private static String textOfVersion(long seed, int version) {
        for (int n = 20; n < 2000; n += 4) {
            String text = SignedQrText.encode(JwsFixtures.realistic(seed, n));
            if (QrSizes.version(text, QrErrorCorrection.M).orElseThrow() >= version) {
                return text;
            }
        }
        throw new IllegalStateException("no payload size reaches version " + version);
    }

    /**
     * The whole set: each condition alone at severities 1, 2, 3, and each of seven combinations at 1, 2, 3 (42
     * photos); the texts take turns.
     *
     * @return the photos, in a fixed order
     */
    public static List<Photo> generate() {
        List<String> texts = texts();
        List<Photo> out = new ArrayList<>();
        int i = 0;
        for (Condition c : Condition.values()) {
            for (int s = 1; s <= 3; s++) {
                out.add(photo(List.of(c), s, texts.get(i % texts.size()), 1000L + i));
                i++;
            }
        }
        for (List<Condition> combo : COMBINATIONS) {
            for (int s = 1; s <= 3; s++) {
                out.add(photo(combo, s, texts.get(i % texts.size()), 1000L + i));
                i++;
            }
        }
        return out;
    }

    /**
     * One photo.
     *
     * @param conditions the conditions
     * @param severity 1 to 3
     * @param text the QR text
     * @param seed the random seed (placement, noise)
     * @return the photo
     */
    public static Photo photo(List<Condition> conditions, int severity, String text, long seed) {
        ByteMatrix m;
        try {
            m = QrSizes.encode(text, QrErrorCorrection.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
        Random rnd = new Random(seed);
        double s = severity;
        int n = m.getWidth();
        boolean small = conditions.contains(Condition.SMALL);
        double ppm = small ? 3.4 - 0.35 * s : 5.5 + rnd.nextDouble();
        double tilt = conditions.contains(Condition.PERSPECTIVE) ? 0.25 + 0.1 * s : 0.05 * rnd.nextDouble();
        double barrel = conditions.contains(Condition.BARREL) ? 0.12 + 0.1 * s : 0;
        double bendRadius = conditions.contains(Condition.ARC) ? n * (1.3 - 0.25 * s) : 0;
        double focusSigma = conditions.contains(Condition.FOCUS_BLUR) ? ppm * (0.35 + 0.12 * s) : 0.5;
        double motion = conditions.contains(Condition.MOTION_BLUR) ? ppm * (0.5 + 0.3 * s) : 0;
        boolean dark = conditions.contains(Condition.DARK_NOISY_JPEG);
        double gain = dark ? 0.34 - 0.06 * s : 0.95;
        double noise = dark ? 4 + 2.5 * s : 2;
        int quality = dark ? 50 - 8 * (int) s : 85;

        // the card plane: code from 0 to n modules, quiet zone 4, card border to 7 modules out
        double half = n / 2.0 + 7;
        double view = half * 2 * ppm * (barrel > 0 ? 1.9 : 1.35);
        int w = (int) Math.round(view * 1.25);
        int h = (int) Math.round(view);
        // the card's projected square in the image: centred (or off-centre under barrel), rotated, tilted
        double cx = w / 2.0 + (barrel > 0 ? w * 0.17 : (rnd.nextDouble() - 0.5) * w * 0.1);
        double cy = h / 2.0 + (barrel > 0 ? -h * 0.12 : (rnd.nextDouble() - 0.5) * h * 0.1);
        double angle = Math.toRadians(rnd.nextDouble() * 50 - 25);
        double r = half * ppm;
        double[][] corners = {{-r, -r}, {r, -r}, {r, r}, {-r, r}};
        // tilt: the far (top) edge shrinks, the near edge grows, the far half is compressed
        for (double[] c : corners) {
            double k = c[1] < 0 ? 1 - tilt : 1 + tilt * 0.4;
            c[0] *= k;
            c[1] *= c[1] < 0 ? 1 - tilt * 0.8 : 1;
        }
        float[] img = new float[8];
        for (int i = 0; i < 4; i++) {
            double x = corners[i][0];
            double y = corners[i][1];
            img[2 * i] = (float) (cx + x * Math.cos(angle) - y * Math.sin(angle));
            img[2 * i + 1] = (float) (cy + x * Math.sin(angle) + y * Math.cos(angle));
        }
        float p = (float) half;
        PerspectiveTransform toPlane = PerspectiveTransform.quadrilateralToQuadrilateral(
                img[0], img[1], img[2], img[3], img[4], img[5], img[6], img[7], -p, -p, p, -p, p, p, -p, p);
        double halfDiag = Math.hypot(w / 2.0, h / 2.0);
        double distance = 4.0 * n;

        float[] lum = new float[w * h];
        float[] pt = new float[2];
        double lightAngle = rnd.nextDouble() * Math.PI * 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        double px = x + 0.25 + 0.5 * sx;
                        double py = y + 0.25 + 0.5 * sy;
                        if (barrel > 0) {
                            double dx = (px - w / 2.0) / halfDiag;
                            double dy = (py - h / 2.0) / halfDiag;
                            double f = 1 + barrel * (dx * dx + dy * dy);
                            px = w / 2.0 + dx * f * halfDiag;
                            py = h / 2.0 + dy * f * halfDiag;
                        }
                        pt[0] = (float) px;
                        pt[1] = (float) py;
                        toPlane.transformPoints(pt);
                        sum += card(m, n, pt[0], pt[1], bendRadius, distance, half);
                    }
                }
                double light = 1 + 0.12 * ((x - w / 2.0) * Math.cos(lightAngle) + (y - h / 2.0)
                        * Math.sin(lightAngle)) / halfDiag;
                if (barrel > 0) {
                    double d2 = (Math.pow(x - w / 2.0, 2) + Math.pow(y - h / 2.0, 2)) / (halfDiag * halfDiag);
                    light *= 1 - 0.35 * d2;
                }
                lum[y * w + x] = (float) (sum / 4 * light);
            }
        }
        lum = gaussian(lum, w, h, focusSigma);
        if (motion > 0) {
            lum = motionBlur(lum, w, h, motion, rnd.nextDouble() * Math.PI);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < lum.length; i++) {
            double v = lum[i] * gain + 6 + rnd.nextGaussian() * noise;
            data[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
        }
        StringBuilder name = new StringBuilder();
        for (Condition c : conditions) {
            name.append(c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append('+');
        }
        name.setLength(name.length() - 1);
        name.append('-').append(severity).append("-v").append((n - 17) / 4);
        return new Photo(name.toString(), conditions, severity, text, jpeg(out, quality / 100f));
    }

    /** Luminance of the scene at a point of the (bent) card's projected plane, in modules from the card centre. */
    private static double card(ByteMatrix m, int n, double x, double y, double bendRadius, double distance,
            double half) {
        double u = x;
        double v = y;
        if (bendRadius > 0) {
            if (Math.abs(x) >= bendRadius) {
                return table(x, y);
            }
            u = bendRadius * Math.asin(x / bendRadius);
            double depth = bendRadius * (1 - Math.cos(u / bendRadius));
            v = y * (distance + depth) / distance;
        }
        if (Math.abs(u) > half || Math.abs(v) > half) {
            return table(x, y);
        }
        int col = (int) Math.floor(u + n / 2.0);
        int row = (int) Math.floor(v + n / 2.0);
        if (col >= 0 && row >= 0 && col < n && row < n && m.get(col, row) == 1) {
            return 35;
        }
        return 230;
    }

    private static double table(double x, double y) {
        return 95 + 25 * Math.sin(x * 0.13) * Math.cos(y * 0.07);
    }

    private static float[] gaussian(float[] src, int w, int h, double sigma) {
        int rad = (int) Math.ceil(sigma * 3);
        float[] k = new float[2 * rad + 1];
        double total = 0;
        for (int i = -rad; i <= rad; i++) {
            k[i + rad] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            total += k[i + rad];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) total;
        }
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -rad; i <= rad; i++) {
                    acc += k[i + rad] * src[y * w + Math.max(0, Math.min(w - 1, x + i))];
                }
                tmp[y * w + x] = acc;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = -rad; i <= rad; i++) {
                    acc += k[i + rad] * tmp[Math.max(0, Math.min(h - 1, y + i)) * w + x];
                }
                out[y * w + x] = acc;
            }
        }
        return out;
    }

    private static float[] motionBlur(float[] src, int w, int h, double length, double angle) {
        int steps = (int) Math.ceil(length * 2) + 1;
        float[] out = new float[src.length];
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = 0;
                for (int i = 0; i < steps; i++) {
                    double t = (i / (double) (steps - 1) - 0.5) * length;
                    int sx = Math.max(0, Math.min(w - 1, (int) Math.round(x + t * dx)));
                    int sy = Math.max(0, Math.min(h - 1, (int) Math.round(y + t * dy)));
                    acc += src[sy * w + sx];
                }
                out[y * w + x] = acc / steps;
            }
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
