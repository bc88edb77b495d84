/** REST boundary of the tax digital certificates (§9): signature verification for integrators. */
package cn.etax.identity.certificate.rest;
