/** The {@code state.redis} backend: state in Redis hashes in Dapr's layout, through Jedis. */
package com.atlan.storage.state.redis;
