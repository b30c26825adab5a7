package dev.lakehouse.bench.vector;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TEXMEX formats (corpus-texmex.irisa.fr): each vector is a little-endian int32 dimension
 * followed by that many float32 ({@code .fvecs}) or int32 ({@code .ivecs}) values.
 */
final class Texmex {

    private Texmex() {
    }

    static float[][] readFvecs(Path file, int limit) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            while (vectors.size() < limit) {
                ByteBuffer row = readRow(in);
                if (row == null) {
                    break;
                }
                float[] vector = new float[row.remaining() / 4];
                row.asFloatBuffer().get(vector);
                vectors.add(vector);
            }
        }
        return vectors.toArray(float[][]::new);
    }

    static int[][] readIvecs(Path file) throws IOException {
        List<int[]> rows = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            for (ByteBuffer row = readRow(in); row != null; row = readRow(in)) {
                int[] values = new int[row.remaining() / 4];
                row.asIntBuffer().get(values);
                rows.add(values);
            }
        }
        return rows.toArray(int[][]::new);
    }

    static void writeFvecs(Path file, float[][] vectors) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (float[] vector : vectors) {
                ByteBuffer row = ByteBuffer.allocate(4 + 4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
                row.putInt(vector.length);
                row.asFloatBuffer().put(vector);
                out.write(row.array());
            }
        }
    }

    static void writeIvecs(Path file, int[][] rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int[] values : rows) {
                ByteBuffer row = ByteBuffer.allocate(4 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
                row.putInt(values.length);
                row.asIntBuffer().put(values);
                out.write(row.array());
            }
        }
    }

    private static ByteBuffer readRow(InputStream in) throws IOException {
        byte[] header = in.readNBytes(4);
        if (header.length == 0) {
            return null;
        }
        if (header.length < 4) {
            throw new EOFException("truncated row header");
        }
        int dimension = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] body = new byte[4 * dimension];
        new DataInputStream(in).readFully(body);
        return ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    }
}
