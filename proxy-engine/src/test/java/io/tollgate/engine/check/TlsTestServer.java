package io.tollgate.engine.check;

import io.tollgate.engine.tls.CertifiedKey;
import io.tollgate.engine.tls.TlsFixtures;

import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A JDK TLS server on 127.0.0.1 with the test fixtures' localhost certificate; each connection gets {@code session}. */
final class TlsTestServer implements AutoCloseable {
    private final SSLServerSocket socket;

    TlsTestServer(Consumer<SSLSocket> session) throws Exception {
        CertifiedKey key = TlsFixtures.key("localhost.pem");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("localhost", key.key(), new char[0], key.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        AcceptLoop.start(socket, "tls-test-server", c -> session.accept((SSLSocket) c));
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
