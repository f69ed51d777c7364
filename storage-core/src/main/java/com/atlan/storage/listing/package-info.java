/**
 * Listings the engine and verification can rely on, and how two of them are compared.
 *
 * <p>{@link com.atlan.storage.listing.PlanOrder} picks the one key order a plan walks in from the orders the two
 * stores declare; {@link com.atlan.storage.listing.ListingReader} serves each listing in it (streamed and reopened
 * after its last key on a transient failure, or sorted on disk by {@link com.atlan.storage.listing.ExternalSorter}),
 * and refuses one that breaks its declared order ({@link com.atlan.storage.listing.ListingOrderException}). {@link
 * com.atlan.storage.listing.ListingJoin} walks two such listings in lock step and {@link
 * com.atlan.storage.listing.ContentMatch} judges whether a pair holds the same content.
 */
package com.atlan.storage.listing;
