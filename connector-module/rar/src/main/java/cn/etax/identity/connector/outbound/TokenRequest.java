package cn.etax.identity.connector.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

import java.io.Serializable;

/** The token a connection is asked for; {@code null} token = verification work only. The pool matches on it. */
record TokenRequest(String token) implements ConnectionRequestInfo, Serializable {
}
