package io.storedesk.pos.drawer.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DrawerSessionRepository extends JpaRepository<DrawerSession, UUID> {

    Optional<DrawerSession> findByOpenMarker(String drawerId);

    /**
     * The open session, locked until the transaction ends (lock 2 of docs/locking.md): postings
     * wait, so the count is final.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from DrawerSession s where s.openMarker = :drawerId")
    Optional<DrawerSession> lockOpen(String drawerId);

    List<DrawerSession> findByBusinessDateOrderByDrawerIdAscOpenedAtAsc(LocalDate businessDate);
}
