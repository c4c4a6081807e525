/**
 * The pages clerks, managers and head office use: server-rendered with Thymeleaf behind form
 * login. Pages call other modules' public APIs only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pages")
package io.storedesk.pos.web;
