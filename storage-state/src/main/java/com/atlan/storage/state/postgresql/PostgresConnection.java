package com.atlan.storage.state.postgresql;

import com.atlan.storage.store.StorageConfigException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A Dapr {@code state.postgresql} {@code connectionString} turned into what pgjdbc takes: a JDBC URL and
 * properties. Dapr (pgx) accepts libpq's two forms, and so does this: keywords
 * ({@code host=db user=app password=secret dbname=state sslmode=require}) and URLs
 * ({@code postgres://app:secret@db:5432/state?sslmode=require}); a {@code jdbc:postgresql:} URL is also taken as is.
 * The password goes into the properties, never into the URL or a message.
 *
 * @param url        the JDBC URL (no credentials)
 * @param properties user, password, SSL and timeout settings for pgjdbc
 * @param describe   {@code host:port/database} for messages
 */
record PostgresConnection(String url, Properties properties, String describe) {

    /** libpq keyword -> pgjdbc property; keywords absent here and from {@link #LOCATION} are refused. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("user", "user"),
            Map.entry("password", "password"),
            Map.entry("sslmode", "sslmode"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("sslpassword", "sslpassword"),
            Map.entry("connect_timeout", "connectTimeout"),
            Map.entry("application_name", "ApplicationName"),
            Map.entry("options", "options"),
            Map.entry("search_path", "currentSchema"),
            Map.entry("target_session_attrs", "targetServerType"));

    private static final java.util.Set<String> LOCATION =
            java.util.Set.of("host", "hostaddr", "port", "dbname", "database");

    /** pgx pool settings that have no meaning for one JDBC connection. */
    private static final java.util.Set<String> POOL_ONLY = java.util.Set.of(
            "pool_max_conns",
            "pool_min_conns",
            "pool_max_conn_lifetime",
            "pool_max_conn_idle_time",
            "pool_health_check_period",
            "pool_max_conn_lifetime_jitter");

    /**
     * Parses {@code connectionString} of component {@code component}.
     *
     * @throws StorageConfigException naming what is wrong, never the password
     */
    static PostgresConnection parse(String component, String connectionString) {
        String s = connectionString.trim();
        Map<String, String> params;
        if (s.startsWith("jdbc:postgresql:")) {
            Properties defaults = new Properties();
            defaults.setProperty("connectTimeout", "5");
            return new PostgresConnection(s, defaults, hostPart(s));
        } else if (s.startsWith("postgres://") || s.startsWith("postgresql://")) {
            params = fromUrl(component, s);
        } else {
            params = fromKeywords(component, s);
        }
        return build(component, params);
    }

    private static String hostPart(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length()).replaceFirst("^//([^/@]*@)?", "");
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    private static PostgresConnection build(String component, Map<String, String> params) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        String host = params.getOrDefault("host", params.getOrDefault("hostaddr", "localhost"));
        if (host.startsWith("/")) {
            throw new StorageConfigException("component '" + component + "' connectionString: host '" + host
                    + "' is a Unix socket folder, which the JDBC driver cannot use; connect over TCP (host=127.0.0.1)");
        }
        String port = params.getOrDefault("port", "5432");
        String database = params.getOrDefault("dbname", params.getOrDefault("database", ""));
        for (Map.Entry<String, String> e : params.entrySet()) {
            String property = PROPERTIES.get(e.getKey());
            if (property != null) {
                properties.setProperty(property, translate(e.getKey(), e.getValue()));
            } else if (!LOCATION.contains(e.getKey()) && !POOL_ONLY.contains(e.getKey())) {
                throw new StorageConfigException("component '" + component + "' connectionString: unknown parameter '"
                        + e.getKey()
                        + "'; supported: host, port, dbname, user, password, sslmode, sslrootcert, sslcert,"
                        + " sslkey, connect_timeout, application_name, options, search_path");
            }
        }
        StringBuilder hosts = new StringBuilder();
        String[] hostList = host.split(",", -1);
        String[] portList = port.split(",", -1);
        for (int i = 0; i < hostList.length; i++) {
            String h = hostList[i].trim();
            String p = portList[Math.min(i, portList.length - 1)].trim();
            hosts.append(i == 0 ? "" : ",")
                    .append(h.contains(":") ? "[" + h + "]" : h)
                    .append(':')
                    .append(p);
        }
        String location = hosts + "/" + database;
        String encodedDatabase =
                java.net.URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        return new PostgresConnection("jdbc:postgresql://" + hosts + "/" + encodedDatabase, properties, location);
    }

    private static String translate(String keyword, String value) {
        if (keyword.equals("target_session_attrs")) {
            return switch (value) {
                case "read-write", "primary" -> "primary";
                case "read-only", "standby" -> "secondary";
                case "prefer-standby" -> "preferSecondary";
                default -> "any";
            };
        }
        return value;
    }

    /** {@code postgres://user:password@host:port,host2:port2/db?k=v}. */
    private static Map<String, String> fromUrl(String component, String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String rest = url.substring(url.indexOf("://") + 3);
        int query = rest.indexOf('?');
        String queryPart = query < 0 ? "" : rest.substring(query + 1);
        rest = query < 0 ? rest : rest.substring(0, query);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        if (slash >= 0 && slash + 1 < rest.length()) {
            params.put("dbname", decode(rest.substring(slash + 1)));
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            params.put("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                params.put("password", decode(userInfo.substring(colon + 1)));
            }
        }
        if (!authority.isEmpty()) {
            StringBuilder hosts = new StringBuilder();
            StringBuilder ports = new StringBuilder();
            for (String hostPort : authority.split(",", -1)) {
                String h = hostPort;
                String p = "5432";
                int close = hostPort.lastIndexOf(']');
                int colon = hostPort.lastIndexOf(':');
                if (colon > close) {
                    h = hostPort.substring(0, colon);
                    p = hostPort.substring(colon + 1);
                }
                hosts.append(hosts.isEmpty() ? "" : ",")
                        .append(h.replace("[", "").replace("]", ""));
                ports.append(ports.isEmpty() ? "" : ",").append(p);
            }
            params.put("host", decode(hosts.toString()));
            params.put("port", ports.toString());
        }
        for (String pair : queryPart.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new StorageConfigException(
                        "component '" + component + "' connectionString: a URL parameter has no name or no '='");
            }
            params.put(decode(pair.substring(0, eq)).toLowerCase(Locale.ROOT), decode(pair.substring(eq + 1)));
        }
        return params;
    }

    /** libpq keywords: {@code key=value} pairs separated by white space; values may be 'quoted' with \-escapes. */
    private static Map<String, String> fromKeywords(String component, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= n) break;
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) i++;
            String key = text.substring(keyStart, i);
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            if (i >= n || text.charAt(i) != '=' || key.isEmpty()) {
                throw new StorageConfigException("component '" + component + "' connectionString: expected key=value"
                        + " pairs (host=... port=... dbname=... user=...) or a postgres:// URL; the entry at character "
                        + (keyStart + 1) + " has no '='");
            }
            i++;
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                while (i < n && text.charAt(i) != '\'') {
                    if (text.charAt(i) == '\\' && i + 1 < n) i++;
                    value.append(text.charAt(i++));
                }
                if (i >= n) {
                    throw new StorageConfigException("component '" + component + "' connectionString: the value of '"
                            + key + "' has no closing quote");
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    if (text.charAt(i) == '\\' && i + 1 < n) i++;
                    value.append(text.charAt(i++));
                }
            }
            params.put(key.toLowerCase(Locale.ROOT), value.toString());
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Names the location only: the properties hold the password. */
    @Override
    public String toString() {
        return "PostgresConnection[" + describe + "]";
    }
}
