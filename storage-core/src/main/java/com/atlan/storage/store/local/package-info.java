/**
 * The {@code bindings.localstorage} backend: objects are files under a root folder. Listing is in key
 * order without holding the tree in memory, writes are atomic (temporary file plus rename), and keys
 * that would escape the root are refused.
 */
package com.atlan.storage.store.local;
