package io.storedesk.pos.drawer.internal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.storedesk.pos.drawer.DrawerProperties;
import io.storedesk.pos.identity.Registers;
import org.springframework.stereotype.Component;

/** The registers named in {@code pos.drawer.drawers}, for register tokens. */
@Component
class ConfiguredRegisters implements Registers {

    private final DrawerProperties properties;

    ConfiguredRegisters(DrawerProperties properties) {
        this.properties = properties;
    }

    @Override
    public Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        properties.drawers().values().forEach(d -> ids.add(d.register()));
        return ids;
    }

    @Override
    public Optional<String> ofDrawer(String drawerId) {
        return Optional.ofNullable(drawerId == null ? null : properties.drawers().get(drawerId))
                .map(DrawerProperties.Drawer::register);
    }
}
