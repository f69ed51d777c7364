/** Start-up hooks for the S3 servers the tests run (S3Mock bound to loopback only); never shipped. */
package com.atlan.storage.testservers;
