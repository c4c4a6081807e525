package io.storedesk.pos.common.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * An embedded H2 file database is not safe against {@link Thread#interrupt()}: a thread that
 * touches the file with its interrupt flag set closes the file channel under every session, and
 * H2 then closes the whole database ("The database has been closed", 90098) until the service is
 * restarted; an interrupted sleep inside H2's map contention path does the same. Neither H2's
 * {@code async:} nor {@code retry:} file system closes that hole for several writers (the
 * reproduction is in docs/design.md, "Interrupts and the embedded database").
 * <p>
 * So a thread never takes a database connection with an interrupt pending: the flag is taken off
 * the thread for as long as it holds the connection and put back when the connection is returned,
 * so the code that asked for the interrupt still sees it, after the database work it was in the
 * middle of has committed or rolled back. The service itself never interrupts a thread that may
 * be inside the database (executors stop by waiting, see application.yml {@code spring.task}).
 */
@Component
class InterruptSafeConnections implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(InterruptSafeConnections.class);

    /** Stack traces are logged for the first few deferrals only; each names the code that was interrupted. */
    private static final int TRACED = 20;

    private final AtomicInteger deferred = new AtomicInteger();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Deferring)) {
            return new Deferring(dataSource, this);
        }
        return bean;
    }

    /** How many connections were handed to a thread whose interrupt had to be deferred (tests read it). */
    int deferredSoFar() {
        return deferred.get();
    }

    Connection guard(Connection connection, boolean interrupted) {
        if (!interrupted) {
            return connection;
        }
        int n = deferred.incrementAndGet();
        String message = "Thread {} asked for a database connection with an interrupt pending; the interrupt is"
                + " deferred until the connection is returned so the database file stays open";
        if (n <= TRACED) {
            log.warn(message, Thread.currentThread().getName(), new IllegalStateException("interrupted here"));
        } else {
            log.warn(message, Thread.currentThread().getName());
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                        try {
                            connection.close();
                        } finally {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    }
                    if ("unwrap".equals(method.getName()) && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                        return proxy;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The application's data source with the interrupt guard in front of it. */
    static final class Deferring extends DelegatingDataSource {

        private final InterruptSafeConnections guard;

        Deferring(DataSource target, InterruptSafeConnections guard) {
            super(target);
            this.guard = guard;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return deferringInterrupt(() -> obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return deferringInterrupt(() -> obtainTargetDataSource().getConnection(username, password));
        }

        private Connection deferringInterrupt(ConnectionSource source) throws SQLException {
            boolean interrupted = Thread.interrupted();
            try {
                return guard.guard(source.get(), interrupted);
            } catch (SQLException | RuntimeException | Error e) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                throw e;
            }
        }
    }

    private interface ConnectionSource {
        Connection get() throws SQLException;
    }
}
