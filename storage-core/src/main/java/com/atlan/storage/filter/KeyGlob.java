package com.atlan.storage.filter;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A glob matched against whole object keys, with rclone's filter rules:
 *
 * <ul>
 *   <li>{@code *} matches any run of characters except {@code /}; {@code **} matches any run including {@code /};
 *       {@code ?} matches one character except {@code /}.
 *   <li>{@code [a-z]} and {@code [^a-z]} (also {@code [!a-z]}) match one character of a class; {@code {a,b}} matches
 *       either alternative; {@code \} makes the next character literal.
 *   <li>A glob starting with {@code /} is anchored at the start of the key; any other glob may match the key's last
 *       path segments ({@code *.csv} matches {@code a.csv} and {@code x/y/a.csv}; {@code y/a.csv} matches {@code
 *       x/y/a.csv}).
 *   <li>A glob ending with {@code /} names a folder and matches every key under such a folder ({@code tmp/} matches
 *       {@code tmp/a} and {@code x/tmp/b/c}), as {@code tmp/**} would.
 * </ul>
 *
 * Matching is case-sensitive. rclone's {@code {{regexp}}} form is not supported.
 */
public final class KeyGlob {

    private final String glob;
    private final Pattern pattern;

    private KeyGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    /**
     * Compiles {@code glob}.
     *
     * @throws IllegalArgumentException naming the glob and what is wrong with it
     */
    public static KeyGlob compile(String glob) {
        Objects.requireNonNull(glob, "glob");
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("an empty glob matches nothing; use '**' for every key");
        }
        if (glob.contains("{{")) {
            throw new IllegalArgumentException(
                    "glob '" + glob + "': regular expressions in {{ }} are not supported; use *, ** , ?, [ ] and { }");
        }
        String body = glob;
        StringBuilder re = new StringBuilder();
        if (body.startsWith("/")) {
            body = body.substring(1);
            re.append('^');
        } else {
            re.append("(?:^|/)");
        }
        if (body.endsWith("/")) {
            body = body + "**";
        }
        translate(glob, body, re);
        re.append('$');
        try {
            return new KeyGlob(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("glob '" + glob + "' is not valid: " + e.getDescription(), e);
        }
    }

    private static void translate(String glob, String body, StringBuilder re) {
        boolean inBraces = false;
        boolean inBrackets = false;
        boolean bracketStart = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                if (i + 1 == body.length()) {
                    throw new IllegalArgumentException("glob '" + glob + "' ends with a lone '\\'");
                }
                re.append(literal(body.charAt(++i)));
                bracketStart = false;
                continue;
            }
            if (inBrackets) {
                if (c == ']' && !bracketStart) {
                    inBrackets = false;
                    re.append(']');
                } else if (c == '!' && bracketStart) {
                    re.append('^');
                } else if (c == '[' || c == '&' || c == ']') {
                    re.append('\\').append(c);
                } else {
                    re.append(c);
                }
                bracketStart = bracketStart && (c == '!' || c == '^');
                continue;
            }
            switch (c) {
                case '*' -> {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '*') {
                        if (i + 2 < body.length() && body.charAt(i + 2) == '*') {
                            throw new IllegalArgumentException("glob '" + glob + "' has too many '*' in a row");
                        }
                        re.append(".*");
                        i++;
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    inBrackets = true;
                    bracketStart = true;
                    re.append('[');
                }
                case ']' -> throw new IllegalArgumentException("glob '" + glob + "' has a ']' without '['");
                case '{' -> {
                    if (inBraces) {
                        throw new IllegalArgumentException("glob '" + glob + "' nests '{' inside '{ }'");
                    }
                    inBraces = true;
                    re.append("(?:");
                }
                case '}' -> {
                    if (!inBraces) {
                        throw new IllegalArgumentException("glob '" + glob + "' has a '}' without '{'");
                    }
                    inBraces = false;
                    re.append(')');
                }
                case ',' -> re.append(inBraces ? "|" : ",");
                default -> re.append(literal(c));
            }
        }
        if (inBrackets) {
            throw new IllegalArgumentException("glob '" + glob + "' has a '[' without ']'");
        }
        if (inBraces) {
            throw new IllegalArgumentException("glob '" + glob + "' has a '{' without '}'");
        }
    }

    private static String literal(char c) {
        return "\\.[]{}()<>*+-=!?^$|&".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
    }

    /** Whether {@code key} matches. */
    public boolean matches(String key) {
        return pattern.matcher(key).find();
    }

    /** The glob as written. */
    public String glob() {
        return glob;
    }

    @Override
    public String toString() {
        return glob;
    }
}
