/** Benchmark entry points that bench/run starts; they measure the engine, not a backend. */
package com.atlan.storage.bench;
