/**
 * Users, roles, sign-in, register tokens and manager approvals. Users and their BCrypt-hashed
 * passwords and PINs come from configuration; names are case-insensitive and map to the name as
 * configured. Every password sign-in and every manager PIN is checked under the user's own lock,
 * with a lockout after repeated wrong ones that no right one lifts; a password lockout revokes
 * the user's tokens. A register signs in once and uses a bearer token after, bound to its
 * register: sales, returns and drawer work at another register's drawer are refused. A manager
 * approval (username + PIN given at the clerk's screen) is checked here for any module that
 * needs one. See docs/security.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.storedesk.pos.identity;
