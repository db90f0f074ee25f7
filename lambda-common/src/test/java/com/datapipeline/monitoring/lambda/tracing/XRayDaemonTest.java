package com.datapipeline.monitoring.lambda.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XRayDaemonTest {

    @Test
    void readsBothFormsOfTheDaemonAddress() {
        assertThat(XRayDaemon.parseAddress("169.254.79.129:2000"))
                .isEqualTo(new InetSocketAddress("169.254.79.129", 2000));
        assertThat(XRayDaemon.parseAddress("tcp:127.0.0.1:2000 udp:127.0.0.2:2001"))
                .isEqualTo(new InetSocketAddress("127.0.0.2", 2001));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1", "127.0.0.1:http", "127.0.0.1:70000", "tcp:127.0.0.1:2000", ":2000"})
    void aBadAddressIsNamedWithTheFormsItCanTake(String address) {
        assertThatThrownBy(() -> XRayDaemon.parseAddress(address))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_XRAY_DAEMON_ADDRESS is");
    }

    @Test
    void sendsEachDocumentAsOneDatagramAfterTheDaemonHeader() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                XRayDaemon daemon = new XRayDaemon(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.getLocalPort()))) {
            receiver.setSoTimeout(5_000);
            daemon.accept("{\"name\":\"Glue\"}");

            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            receiver.receive(packet);
            assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"format\": \"json\", \"version\": 1}\n{\"name\":\"Glue\"}");
        }
    }
}
