package io.storedesk.pos.common.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.storedesk.pos.common.internal.RedoCodec.Kind;
import io.storedesk.pos.common.internal.RedoCodec.Unloggable;

/**
 * A connection that writes down, for the redo log, every data-changing statement its transaction
 * executed successfully (SQL and parameters, in order), and hands the transaction to
 * {@link RedoLog} at commit. Statements are proxied: {@code set*} parameter calls and batches are
 * remembered until the statement executes, then encoded at once (nothing mutable is kept).
 */
final class RedoRecorder implements InvocationHandler {

    private final Connection target;
    private final RedoLog log;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<Savepoint, int[]> savepoints = new IdentityHashMap<>();
    private Connection self;
    private int statements;
    private String unloggable;

    private RedoRecorder(Connection target, RedoLog log) {
        this.target = target;
        this.log = log;
    }

    static Connection wrap(Connection target, RedoLog log) {
        RedoRecorder recorder = new RedoRecorder(target, log);
        recorder.self = (Connection) Proxy.newProxyInstance(RedoRecorder.class.getClassLoader(),
                new Class<?>[] {Connection.class}, recorder);
        return recorder.self;
    }

    Connection target() {
        return target;
    }

    boolean hasWrites() {
        return statements > 0 || unloggable != null;
    }

    /** Why this transaction cannot be replayed from the log, or null when it can. */
    String unloggable() {
        return unloggable;
    }

    int statements() {
        return statements;
    }

    byte[] recorded() {
        return bytes.toByteArray();
    }

    void reset() {
        bytes.reset();
        statements = 0;
        unloggable = null;
        savepoints.clear();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "prepareStatement":
                return statement(PreparedStatement.class, call(method, args), (String) args[0]);
            case "createStatement":
                return statement(Statement.class, call(method, args), null);
            case "prepareCall":
                return statement(CallableStatement.class, call(method, args), (String) args[0]);
            case "commit":
                log.commit(this);
                return null;
            case "rollback":
                if (args == null) {
                    reset();
                } else {
                    int[] mark = savepoints.get((Savepoint) args[0]);
                    if (mark != null) {
                        truncate(mark[0], mark[1]);
                    }
                }
                return call(method, args);
            case "setSavepoint":
                Savepoint savepoint = (Savepoint) call(method, args);
                savepoints.put(savepoint, new int[] {bytes.size(), statements});
                return savepoint;
            case "setAutoCommit":
                if ((Boolean) args[0] && hasWrites() && !target.getAutoCommit()) {
                    log.commit(this);   // switching auto-commit on commits the open transaction
                }
                return call(method, args);
            case "close":
                reset();
                return call(method, args);
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "redo-logged " + target;
            default:
                return call(method, args);
        }
    }

    private void truncate(int size, int count) {
        byte[] kept = bytes.toByteArray();
        bytes.reset();
        bytes.write(kept, 0, size);
        statements = count;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        return invokeOn(target, method, args);
    }

    static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private <T extends Statement> T statement(Class<T> type, Object statement, String sql) {
        return type.cast(Proxy.newProxyInstance(RedoRecorder.class.getClassLoader(), new Class<?>[] {type},
                new Recording((Statement) statement, sql)));
    }

    /** Executes a data-changing statement: in the open transaction, or as one of its own in auto-commit. */
    private Object execute(Recording statement, Method method, Object[] args, String sql, List<List<Object[]>> rows,
            boolean batch) throws Throwable {
        Kind kind = RedoCodec.classify(sql);
        if (kind == Kind.NONE) {
            return invokeOn(statement.target, method, args);
        }
        boolean autoCommit = target.getAutoCommit();
        if (autoCommit) {
            target.setAutoCommit(false);
        }
        try {
            Object result = invokeOn(statement.target, method, args);
            record(kind, sql, rows, batch, statement.callable);
            if (autoCommit) {
                log.commit(this);
            }
            return result;
        } catch (Throwable e) {
            if (autoCommit) {
                reset();
                target.rollback();
            }
            throw e;
        } finally {
            if (autoCommit) {
                target.setAutoCommit(true);
            }
        }
    }

    private void record(Kind kind, String sql, List<List<Object[]>> rows, boolean batch, boolean callable)
            throws IOException {
        if (unloggable != null) {
            return;
        }
        if (kind == Kind.OTHER || callable) {
            unloggable = "a statement the redo log does not replay: " + sql.strip().lines().findFirst().orElse("");
            return;
        }
        int mark = bytes.size();
        try {
            RedoCodec.writeString(out, sql);
            out.writeBoolean(batch);
            out.writeInt(rows.size());
            for (List<Object[]> row : rows) {
                out.writeInt(row.size());
                for (Object[] call : row) {
                    int setter = (Integer) call[0];
                    if (setter < 0) {
                        throw new Unloggable("parameter setter " + call[1]);
                    }
                    RedoCodec.writeCall(out, setter, (Object[]) call[1]);
                }
            }
            statements++;
        } catch (Unloggable e) {
            truncate(mark, statements);
            unloggable = e.getMessage() + " in " + sql.strip().lines().findFirst().orElse("");
        }
    }

    /** One proxied statement: remembers parameter calls and batch rows until it executes. */
    private final class Recording implements InvocationHandler {

        private final Statement target;
        private final String sql;
        private final boolean callable;
        private List<Object[]> parameters = new ArrayList<>();
        private final List<List<Object[]>> batch = new ArrayList<>();

        Recording(Statement target, String sql) {
            this.target = target;
            this.sql = sql;
            this.callable = target instanceof CallableStatement;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int n = args == null ? 0 : args.length;
            if (name.startsWith("set") && n >= 2 && args[0] instanceof Integer && sql != null) {
                parameters.add(new Object[] {RedoCodec.setterNumber(method), args.clone()});
                return invokeOn(target, method, args);
            }
            switch (name) {
                case "clearParameters":
                    parameters = new ArrayList<>();
                    return invokeOn(target, method, args);
                case "addBatch":
                    if (n == 0) {
                        // JDBC keeps parameters from row to row; replay sets each row's calls in turn
                        batch.add(parameters);
                        parameters = new ArrayList<>();
                    }
                    return invokeOn(target, method, args);
                case "clearBatch":
                    batch.clear();
                    return invokeOn(target, method, args);
                case "executeUpdate", "executeLargeUpdate", "execute":
                    if (n == 0) {
                        return RedoRecorder.this.execute(this, method, args, sql, List.of(parameters), false);
                    }
                    return RedoRecorder.this.execute(this, method, args, (String) args[0], List.of(List.of()), false);
                case "executeBatch", "executeLargeBatch":
                    return executeBatch(method, args);
                case "getConnection":
                    return self;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return invokeOn(target, method, args);
            }
        }

        private Object executeBatch(Method method, Object[] args) throws Throwable {
            try {
                // a batch of plain SQL strings (no code here sends one) is not replayed: "BATCH" is Kind.OTHER
                return RedoRecorder.this.execute(this, method, args, sql != null ? sql : "BATCH", List.copyOf(batch),
                        true);
            } finally {
                batch.clear();
            }
        }
    }
}
