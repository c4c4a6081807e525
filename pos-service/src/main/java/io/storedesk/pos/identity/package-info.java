/**
 * Users, roles, register tokens and manager approvals. Users and their BCrypt-hashed passwords
 * and PINs come from configuration; a register signs in once and uses a bearer token after.
 * A manager approval (username + PIN given at the clerk's screen) is checked here for any
 * module that needs one, with a lockout after repeated wrong PINs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.storedesk.pos.identity;
