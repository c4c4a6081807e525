package io.storedesk.pos.common.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/**
 * How the redo log writes a data-changing statement: its SQL, then for each execution (one, or
 * each row of a batch) the parameter setters that were called, each as a setter number, the
 * parameter index and typed values. Only the setters and value types below can be written; a
 * statement using anything else (a stream, a LOB, an array) is "unloggable" and its transaction
 * falls back to a database store before it is acknowledged (see {@link RedoLog}).
 */
final class RedoCodec {

    /** What a statement does to the data, from its first keyword. */
    enum Kind {
        /** INSERT, UPDATE, DELETE, MERGE: written to the redo log. */
        DML,
        /** Reads and session commands (SELECT, CHECKPOINT, BACKUP, SET...): nothing to log. */
        NONE,
        /** Schema changes and anything unknown: the transaction needs a database store instead. */
        OTHER
    }

    /** The setters a recorded statement may call, by number (the number is written to the log). */
    private static final List<Method> SETTERS = setters();
    private static final java.util.Map<Method, Integer> NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

    static final class Unloggable extends Exception {
        Unloggable(String what) {
            super(what, null, false, false);
        }
    }

    private RedoCodec() {
    }

    static Kind classify(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return switch (sql.substring(start, i).toUpperCase(java.util.Locale.ROOT)) {
            case "INSERT", "UPDATE", "DELETE", "MERGE" -> Kind.DML;
            case "SELECT", "VALUES", "TABLE", "CHECKPOINT", "BACKUP", "SET", "SHOW", "EXPLAIN", "SCRIPT", "SHUTDOWN",
                    "ANALYZE", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE" -> Kind.NONE;
            default -> Kind.OTHER;
        };
    }

    /** The setter's number, or -1 when the redo log cannot write it. */
    static int setterNumber(Method m) {
        return NUMBERS.computeIfAbsent(m, SETTERS::indexOf);
    }

    /** Writes one setter call: its number, the parameter index and the other arguments. */
    static void writeCall(DataOutputStream out, int setter, Object[] args) throws IOException, Unloggable {
        out.writeByte(setter);
        out.writeInt((Integer) args[0]);
        for (int i = 1; i < args.length; i++) {
            writeValue(out, args[i]);
        }
    }

    /** Reads one setter call and makes it on {@code statement}. */
    static void replayCall(DataInputStream in, PreparedStatement statement) throws IOException, SQLException {
        Method setter = SETTERS.get(in.readUnsignedByte());
        Object[] args = new Object[setter.getParameterCount()];
        args[0] = in.readInt();
        for (int i = 1; i < args.length; i++) {
            args[i] = readValue(in);
        }
        try {
            setter.invoke(statement, args);
        } catch (ReflectiveOperationException e) {
            throw new SQLException("cannot replay " + setter.getName() + " from the redo log", e.getCause());
        }
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static void writeValue(DataOutputStream out, Object v) throws IOException, Unloggable {
        if (v == null) {
            out.writeByte(0);
        } else if (v instanceof Integer i) {
            out.writeByte(1);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(2);
            out.writeLong(l);
        } else if (v instanceof Short s) {
            out.writeByte(3);
            out.writeShort(s);
        } else if (v instanceof Byte b) {
            out.writeByte(4);
            out.writeByte(b);
        } else if (v instanceof Boolean b) {
            out.writeByte(5);
            out.writeBoolean(b);
        } else if (v instanceof Double d) {
            out.writeByte(6);
            out.writeDouble(d);
        } else if (v instanceof Float f) {
            out.writeByte(7);
            out.writeFloat(f);
        } else if (v instanceof byte[] b) {
            out.writeByte(10);
            out.writeInt(b.length);
            out.write(b);
        } else if (v instanceof Timestamp t) {
            out.writeByte(11);
            out.writeLong(t.getTime());
            out.writeInt(t.getNanos());
        } else if (v instanceof Date d) {
            out.writeByte(12);
            out.writeLong(d.getTime());
        } else if (v instanceof Time t) {
            out.writeByte(13);
            out.writeLong(t.getTime());
        } else if (v instanceof UUID u) {
            out.writeByte(15);
            out.writeLong(u.getMostSignificantBits());
            out.writeLong(u.getLeastSignificantBits());
        } else {
            int tag = textTag(v);
            if (tag < 0) {
                throw new Unloggable("a parameter of type " + v.getClass().getName());
            }
            out.writeByte(tag);
            writeString(out, v instanceof GregorianCalendar c ? c.getTimeZone().getID()
                    : v instanceof JDBCType t ? t.name() : v.toString());
        }
    }

    /** Values written as their exact text form (toString / parse), or -1. */
    private static int textTag(Object v) {
        Class<?> c = v.getClass();
        if (c == BigDecimal.class) {
            return 8;
        } else if (c == String.class) {
            return 9;
        } else if (c == GregorianCalendar.class) {
            return 14;
        } else if (c == Instant.class) {
            return 16;
        } else if (c == OffsetDateTime.class) {
            return 17;
        } else if (c == LocalDateTime.class) {
            return 18;
        } else if (c == LocalDate.class) {
            return 19;
        } else if (c == LocalTime.class) {
            return 20;
        } else if (c == JDBCType.class) {
            return 21;
        }
        return -1;
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> in.readInt();
            case 2 -> in.readLong();
            case 3 -> in.readShort();
            case 4 -> in.readByte();
            case 5 -> in.readBoolean();
            case 6 -> in.readDouble();
            case 7 -> in.readFloat();
            case 8 -> new BigDecimal(readString(in));
            case 9 -> readString(in);
            case 10 -> in.readNBytes(in.readInt());
            case 11 -> {
                Timestamp t = new Timestamp(in.readLong());
                t.setNanos(in.readInt());
                yield t;
            }
            case 12 -> new Date(in.readLong());
            case 13 -> new Time(in.readLong());
            case 14 -> new GregorianCalendar(TimeZone.getTimeZone(readString(in)));
            case 15 -> new UUID(in.readLong(), in.readLong());
            case 16 -> Instant.parse(readString(in));
            case 17 -> OffsetDateTime.parse(readString(in));
            case 18 -> LocalDateTime.parse(readString(in));
            case 19 -> LocalDate.parse(readString(in));
            case 20 -> LocalTime.parse(readString(in));
            case 21 -> JDBCType.valueOf(readString(in));
            default -> throw new IOException("unknown value type " + tag + " in the redo log");
        };
    }

    private static List<Method> setters() {
        try {
            Class<PreparedStatement> ps = PreparedStatement.class;
            Class<?> i = int.class;
            return List.of(
                    ps.getMethod("setNull", i, i),
                    ps.getMethod("setNull", i, i, String.class),
                    ps.getMethod("setBoolean", i, boolean.class),
                    ps.getMethod("setByte", i, byte.class),
                    ps.getMethod("setShort", i, short.class),
                    ps.getMethod("setInt", i, i),
                    ps.getMethod("setLong", i, long.class),
                    ps.getMethod("setFloat", i, float.class),
                    ps.getMethod("setDouble", i, double.class),
                    ps.getMethod("setBigDecimal", i, BigDecimal.class),
                    ps.getMethod("setString", i, String.class),
                    ps.getMethod("setNString", i, String.class),
                    ps.getMethod("setBytes", i, byte[].class),
                    ps.getMethod("setDate", i, Date.class),
                    ps.getMethod("setDate", i, Date.class, Calendar.class),
                    ps.getMethod("setTime", i, Time.class),
                    ps.getMethod("setTime", i, Time.class, Calendar.class),
                    ps.getMethod("setTimestamp", i, Timestamp.class),
                    ps.getMethod("setTimestamp", i, Timestamp.class, Calendar.class),
                    ps.getMethod("setObject", i, Object.class),
                    ps.getMethod("setObject", i, Object.class, i),
                    ps.getMethod("setObject", i, Object.class, i, i),
                    ps.getMethod("setObject", i, Object.class, SQLType.class),
                    ps.getMethod("setObject", i, Object.class, SQLType.class, i));
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
