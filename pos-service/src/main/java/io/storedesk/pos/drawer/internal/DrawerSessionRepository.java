package io.storedesk.pos.drawer.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DrawerSessionRepository extends JpaRepository<DrawerSession, UUID> {

    Optional<DrawerSession> findByOpenMarker(String drawerId);
}
