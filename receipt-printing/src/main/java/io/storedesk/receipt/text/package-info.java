/**
 * Text fitting: making any Unicode text printable with a limited repertoire (a printer code page or
 * the embedded font) by transliterating what the repertoire lacks instead of dropping it.
 */
package io.storedesk.receipt.text;
