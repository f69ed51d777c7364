/**
 * The spec's usage patterns as Java workflows and activities, run by {@code SpecPatternsTest}: workflow completion
 * migration, batch dataset migration, validate then migrate, incremental pipeline with the state store, and the
 * failure-rate check.
 */
package com.atlan.storage.temporal.examples;
