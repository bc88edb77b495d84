/**
 * Simulators of the outside services (§11): SMS gateway outbox, public-security identity registry, the tax app and
 * IIT app as a "mobile app" that scans QR codes and reports the face check. Switched on only by
 * {@code identity.simulators.enabled=true}; with it off, every simulator call answers "not found" and the ports
 * need production adapters.
 */
package cn.etax.identity.simulation;
