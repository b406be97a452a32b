package org.tokendesk.notifier.webhook.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into addresses; exists so tests can stand in for DNS. */
@FunctionalInterface
public interface Resolver {

    /** The system resolver. */
    Resolver SYSTEM = InetAddress::getAllByName;

    /**
     * @param host a name or an address literal
     * @return every address of the host, never empty
     * @throws UnknownHostException when the name does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
