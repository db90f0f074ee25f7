package com.datapipeline.monitoring.lambda.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Sends segment documents to the X-Ray daemon that Lambda runs beside a traced function, one UDP datagram each:
 * the daemon header line, then the document.
 */
public final class XRayDaemon implements Consumer<String>, AutoCloseable {

    static final String HEADER = "{\"format\": \"json\", \"version\": 1}\n";

    private final InetSocketAddress address;
    private final DatagramSocket socket;

    public XRayDaemon(InetSocketAddress address) {
        this.address = address;
        try {
            this.socket = new DatagramSocket();
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot open a UDP socket for the X-Ray daemon", e);
        }
    }

    /**
     * The UDP address in {@code AWS_XRAY_DAEMON_ADDRESS}: either {@code host:port}, or
     * {@code tcp:host:port udp:host:port} when the two differ.
     */
    public static InetSocketAddress parseAddress(String variable) {
        if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("AWS_XRAY_DAEMON_ADDRESS is not set");
        }
        String[] parts = variable.trim().split("\\s+");
        String udp = parts.length == 1 && !parts[0].startsWith("tcp:") ? parts[0] : null;
        for (String part : parts) {
            if (part.startsWith("udp:")) {
                udp = part.substring("udp:".length());
            }
        }
        if (udp == null) {
            throw invalid(variable);
        }
        int colon = udp.lastIndexOf(':');
        try {
            int port = Integer.parseInt(udp.substring(colon + 1));
            if (colon > 0 && port >= 1 && port <= 65_535) {
                return new InetSocketAddress(udp.substring(0, colon), port);
            }
        } catch (NumberFormatException e) {
            // reported below, with the forms the variable can take
        }
        throw invalid(variable);
    }

    private static IllegalArgumentException invalid(String variable) {
        return new IllegalArgumentException(
                "AWS_XRAY_DAEMON_ADDRESS is '" + variable + "'; expected host:port or 'tcp:host:port udp:host:port'");
    }

    @Override
    public void accept(String document) {
        byte[] bytes = (HEADER + document).getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, address));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send a subsegment to the X-Ray daemon at " + address, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
