package org.tokendesk.web.ui;

/** Where a page may send the browser back to: only paths of this site, never another host. */
final class SafePaths {

    private SafePaths() {
    }

    static boolean isLocal(String path) {
        return path != null && path.length() <= 500 && path.startsWith("/") && !path.startsWith("//")
                && !path.startsWith("/\\") && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f || c == '\\');
    }

    static String orHome(String path) {
        return isLocal(path) ? path : "/";
    }
}
