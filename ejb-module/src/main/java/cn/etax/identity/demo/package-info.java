/** Demo data for the embedded default (documented in the README); only with {@code identity.demo.enabled=true}. */
package cn.etax.identity.demo;
