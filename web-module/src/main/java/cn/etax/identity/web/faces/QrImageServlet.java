package cn.etax.identity.web.faces;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Renders the QR code for a check token as a PNG. The code carries only the random token (ARCHITECTURE: QR login),
 * never who or what it is for; the app learns that from the platform after scanning. Written without AWT.
 */
@WebServlet("/qr.png")
public class QrImageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int SCALE = 6;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("t");
        if (token == null || !token.matches("[A-Za-z0-9_-]{10,64}")) {
            response.sendError(404);
            return;
        }
        try {
            BitMatrix matrix = new QRCodeWriter().encode("etax-qr:" + token, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 2));
            response.setContentType("image/png");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(png(matrix));
        } catch (WriterException e) {
            response.sendError(500);
        }
    }

    /** A 1-bit grayscale PNG of the matrix, scaled. */
    static byte[] png(BitMatrix matrix) throws IOException {
        int width = matrix.getWidth() * SCALE;
        int height = matrix.getHeight() * SCALE;
        int rowBytes = (width + 7) / 8;
        byte[] raw = new byte[(rowBytes + 1) * height];
        for (int y = 0; y < height; y++) {
            int offset = y * (rowBytes + 1);
            raw[offset] = 0; // filter: none
            for (int x = 0; x < width; x++) {
                boolean dark = matrix.get(x / SCALE, y / SCALE);
                if (!dark) { // 1 = white in grayscale
                    raw[offset + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        writeInt(header, width);
        writeInt(header, height);
        header.write(new byte[]{1, 0, 0, 0, 0}); // bit depth 1, grayscale, deflate, no filter, no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        writeInt(out, data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
