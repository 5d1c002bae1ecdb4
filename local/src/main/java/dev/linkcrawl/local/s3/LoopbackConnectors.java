package dev.linkcrawl.local.s3;

import java.net.InetAddress;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Binds S3Mock's plain-HTTP connector to 127.0.0.1. S3Mock adds that connector with a port only, so
 * it would listen on every interface ({@code server.address} binds only the HTTPS one). Added to
 * S3Mock's Spring application as a source ({@code spring.main.sources}); Spring applies it to the
 * Tomcat factory after S3Mock has added the connector and before any connector starts.
 */
public final class LoopbackConnectors
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setAddress(InetAddress.getLoopbackAddress());
        for (Connector connector : factory.getAdditionalTomcatConnectors()) {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setAddress(InetAddress.getLoopbackAddress());
            }
        }
    }
}
