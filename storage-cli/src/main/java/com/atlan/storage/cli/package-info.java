/**
 * The {@code atlan-storage} command line: one class per subcommand, progress display on stderr, results
 * (human text or JSON) on stdout, and exit codes 0 (all migrated), 1 (some failed), 2 (usage,
 * configuration or listing error).
 */
package com.atlan.storage.cli;
