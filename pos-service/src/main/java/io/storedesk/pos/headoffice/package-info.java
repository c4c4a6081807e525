/**
 * Head office (the {@code head-office} profile, {@code pos.role=head-office}): receives the stores'
 * events (store key, batches, each event once by its id) and keeps them as received, projects
 * sales, post-voids and returns into the consolidated daily report over all stores, is the
 * authority on loyalty balances (opening balances plus every store's ledger entries, versioned
 * for the stores' delta pulls) and publishes promotion sets. The contract with the stores is
 * {@code docs/sync-protocol.md}. Nothing of this module runs in a store; its tables stay empty there.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Head office")
package io.storedesk.pos.headoffice;
