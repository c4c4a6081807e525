package io.storedesk.pos.common;

/**
 * Durability is the database engine's (docs/adr/0004-durability-by-the-database-engine.md): a
 * commit returns only once the engine has written it (H2 with {@code WRITE_DELAY=0} stores every
 * commit in its file before the commit returns; PostgreSQL writes its WAL). That survives a crash of
 * the process. A power cut can still lose what the operating system had not yet written from its
 * cache to the disk on H2; for the few documents a store must never lose even then, the code asks
 * for a synced store here.
 */
public interface Durability {

    /**
     * Once the current transaction has committed, forces everything committed onto the disk (an
     * fsync of the database file on H2: {@code CHECKPOINT SYNC}; nothing more on PostgreSQL, whose
     * commit already waited for its fsync'd WAL). For drawer closes, Z reports and backups.
     * Outside a transaction it syncs at once.
     */
    void syncOnCommit();
}
