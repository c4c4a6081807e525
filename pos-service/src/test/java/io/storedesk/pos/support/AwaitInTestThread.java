package io.storedesk.pos.support;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test class (registered for all of them in META-INF/services) evaluates Awaitility
 * conditions in the test's own thread. Awaitility's own poll thread is cancelled with an interrupt
 * when an evaluation outlasts the wait, and a condition that reads the embedded H2 database while
 * being interrupted closes that database for every later test of the shared context.
 */
public class AwaitInTestThread implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.pollInSameThread();
    }
}
