package io.storedesk.pos.common.internal;

import java.io.IOException;

import io.storedesk.pos.common.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * No acknowledgement before durability: a request that committed a write transaction holds its
 * response back until that commit is durable - at once when the {@link RedoLog} has it (appended
 * at commit), else when {@link GroupCommit} has stored it in the database file.
 */
@Configuration(proxyBeanMethods = false)
class DurableResponses {

    private static final ThreadLocal<Boolean> COMMITTED = new ThreadLocal<>();

    static final String STORAGE_FULL = "The store's disk is full or the database cannot write to it, so nothing"
            + " can be saved; nothing was saved. Free disk space and restart the service.";
    private static final String STORAGE_FULL_UNCONFIRMED = "The store's disk is full or the database cannot write"
            + " to it; this request may not have been saved. Free disk space and restart the service, then look it"
            + " up or repeat it with the same Idempotency-Key.";

    @Bean
    TransactionExecutionListener markCommittedWrites() {
        return new TransactionExecutionListener() {
            @Override
            public void afterCommit(TransactionExecution transaction, Throwable failure) {
                if (failure == null && !transaction.isReadOnly()) {
                    COMMITTED.set(Boolean.TRUE);
                }
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> durableResponseFilter(GroupCommit groupCommit) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String method = request.getMethod();
                return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (groupCommit.storageFailure() != null) {
                    // the database has closed after a write error: do not even try
                    writeProblem(response, "storage-full", "Storage full", STORAGE_FULL);
                    return;
                }
                COMMITTED.remove();
                ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
                try {
                    chain.doFilter(request, held);
                    if (Boolean.TRUE.equals(COMMITTED.get())) {
                        groupCommit.awaitDurable();
                    }
                    held.copyBodyToResponse();
                } catch (IllegalStateException notStored) {
                    held.resetBuffer();
                    response.reset();
                    if (groupCommit.storageFailure() != null) {
                        writeProblem(response, "storage-full", "Storage full", STORAGE_FULL_UNCONFIRMED);
                    } else {
                        writeProblem(response, "not-confirmed", "Not confirmed", "The database did not confirm"
                                + " saving this request. Look it up before repeating it, or repeat it with the same"
                                + " Idempotency-Key.");
                    }
                } finally {
                    COMMITTED.remove();
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static void writeProblem(HttpServletResponse response, String type, String title, String detail)
            throws IOException {
        response.setStatus(503);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + ProblemTypes.uri(type) + "\",\"title\":\"" + title
                + "\",\"status\":503,\"detail\":\"" + detail + "\"}");
    }
}
