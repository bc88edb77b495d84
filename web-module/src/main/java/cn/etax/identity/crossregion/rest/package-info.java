/** LOGIN-4 over REST: the session's cross-region subject and its switch. */
package cn.etax.identity.crossregion.rest;
