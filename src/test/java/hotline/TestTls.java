package hotline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made with openssl in a test's own directory, and clients that
 * trust it (and nothing else): TLS in tests as it is in front of the live hotline, without trusting everything.
 */
public final class TestTls {
    public static final String KEYSTORE_PASSWORD = "hotline-test";

    public final Path certificate;
    public final Path privateKey;
    /** The same key and certificate as PKCS#12, for Java servers. */
    public final Path keystore;

    private TestTls(Path certificate, Path privateKey, Path keystore) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.keystore = keystore;
    }

    /** Makes the certificate in {@code dir}; needs openssl (Debian package openssl, installed by .ci/run). */
    public static TestTls createIn(Path dir) {
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Path keystore = dir.resolve("keystore.p12");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", certificate.toString(),
                "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        openssl(dir, "pkcs12", "-export", "-in", certificate.toString(), "-inkey", key.toString(), "-out", keystore.toString(),
                "-name", "hotline-test", "-passout", "pass:" + KEYSTORE_PASSWORD);
        return new TestTls(certificate, key, keystore);
    }

    /** An HTTP client that trusts this certificate only. */
    public HttpClient client() {
        return HttpClient.newBuilder().sslContext(trusting()).build();
    }

    public SSLContext trusting() {
        try (InputStream pem = Files.newInputStream(certificate)) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(pem);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("hotline-test", cert);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("These tests make a TLS certificate with openssl, which is not installed "
                    + "(Debian: apt-get install openssl; .ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
