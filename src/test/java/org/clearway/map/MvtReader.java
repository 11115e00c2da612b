package org.clearway.map;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads Mapbox Vector Tiles (protobuf) far enough for tests: layers, feature ids, types and attributes. */
public final class MvtReader {

    public record Feature(Long id, int type, Map<String, Object> properties) {
    }

    private final byte[] buf;
    private int pos;
    private final int end;

    private MvtReader(byte[] buf, int pos, int end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }

    /** Layer name -> features. */
    public static Map<String, List<Feature>> read(byte[] tile) {
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        MvtReader r = new MvtReader(tile, 0, tile.length);
        while (r.pos < r.end) {
            long key = r.varint();
            if ((key >>> 3) == 3 && (key & 7) == 2) {
                MvtReader layer = r.sub();
                readLayer(layer, layers);
            } else {
                r.skip((int) (key & 7));
            }
        }
        return layers;
    }

    private static void readLayer(MvtReader r, Map<String, List<Feature>> out) {
        String name = null;
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        List<MvtReader> features = new ArrayList<>();
        while (r.pos < r.end) {
            long key = r.varint();
            int field = (int) (key >>> 3);
            switch (field) {
                case 1 -> name = r.string();
                case 2 -> features.add(r.sub());
                case 3 -> keys.add(r.string());
                case 4 -> values.add(value(r.sub()));
                default -> r.skip((int) (key & 7));
            }
        }
        List<Feature> list = new ArrayList<>();
        for (MvtReader f : features) {
            Long id = null;
            int type = 0;
            Map<String, Object> props = new LinkedHashMap<>();
            while (f.pos < f.end) {
                long key = f.varint();
                int field = (int) (key >>> 3);
                if (field == 1) {
                    id = f.varint();
                } else if (field == 2) {
                    MvtReader tags = f.sub();
                    while (tags.pos < tags.end) {
                        int k = (int) tags.varint();
                        int v = (int) tags.varint();
                        props.put(keys.get(k), values.get(v));
                    }
                } else if (field == 3) {
                    type = (int) f.varint();
                } else {
                    f.skip((int) (key & 7));
                }
            }
            list.add(new Feature(id, type, props));
        }
        out.put(name, list);
    }

    private static Object value(MvtReader r) {
        Object v = null;
        while (r.pos < r.end) {
            long key = r.varint();
            switch ((int) (key >>> 3)) {
                case 1 -> v = r.string();
                case 2 -> v = (double) Float.intBitsToFloat((int) r.fixed(4));
                case 3 -> v = Double.longBitsToDouble(r.fixed(8));
                case 4, 5 -> v = r.varint();
                case 6 -> {
                    long n = r.varint();
                    v = (n >>> 1) ^ -(n & 1);
                }
                case 7 -> v = r.varint() != 0;
                default -> r.skip((int) (key & 7));
            }
        }
        return v;
    }

    private long varint() {
        long result = 0;
        int shift = 0;
        while (true) {
            byte b = buf[pos++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
        }
    }

    private long fixed(int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v |= (long) (buf[pos++] & 0xff) << (8 * i);
        }
        return v;
    }

    private MvtReader sub() {
        int len = (int) varint();
        MvtReader r = new MvtReader(buf, pos, pos + len);
        pos += len;
        return r;
    }

    private String string() {
        int len = (int) varint();
        String s = new String(buf, pos, len, StandardCharsets.UTF_8);
        pos += len;
        return s;
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> {
                int len = (int) varint(); // read before adding: "pos += varint()" would use the old pos
                pos += len;
            }
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("wire type " + wireType);
        }
    }
}
