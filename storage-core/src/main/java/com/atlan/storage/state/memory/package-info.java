/** The {@code state.in-memory} backend: state kept by this process only, shared by component name. */
package com.atlan.storage.state.memory;
