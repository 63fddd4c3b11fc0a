package io.github.eidvn.examples.desk;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * The checks on a request before it is served: the {@code Host} this desk answers to (against DNS rebinding) and
 * the same-origin rule for POSTs (against another site using the receptionist's browser).
 */
final class RequestGuards {

    private final Set<String> allowedHosts;

    /**
     * @param bound the address the server is bound to
     * @param extra the host names the operator added
     */
    RequestGuards(InetAddress bound, Set<String> extra) {
        Set<String> hosts = new LinkedHashSet<>();
        if (bound.isLoopbackAddress()) {
            hosts.add("localhost");
            hosts.add("127.0.0.1");
            hosts.add("[::1]");
        } else if (!bound.isAnyLocalAddress()) {
            String ip = bound.getHostAddress();
            hosts.add(ip.contains(":") ? "[" + ip + "]" : ip);
        }
        if (!hosts.isEmpty() || !extra.isEmpty()) {
            hosts.addAll(extra);
        }
        this.allowedHosts = Set.copyOf(hosts);
    }

    /** @return true when any {@code Host} is accepted (bound to every address and no name given) */
    boolean anyHost() {
        return allowedHosts.isEmpty();
    }

    boolean hostAllowed(HttpExchange ex) {
        if (allowedHosts.isEmpty()) {
            return true;
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return false;
        }
        host = host.trim().toLowerCase(Locale.ROOT);
        String name;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            name = end < 0 ? host : host.substring(0, end + 1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
        }
        return allowedHosts.contains(name);
    }

    /** A browser's cross-site POST is refused; clients that send neither header (a hospital system) pass. */
    static boolean sameOrigin(HttpExchange ex) {
        Headers h = ex.getRequestHeaders();
        String site = h.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return false;
        }
        String origin = h.getFirst("Origin");
        if (origin == null) {
            return true;
        }
        String host = h.getFirst("Host");
        return host != null && (origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://"
                + host));
    }

    /** A request method for a detail text: letters only, at most 16. */
    static String safe(String method) {
        String letters = method == null ? "" : method.replaceAll("[^A-Za-z]", "");
        return letters.substring(0, Math.min(16, letters.length()));
    }
}
