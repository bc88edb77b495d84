/** LOGIN-5: the overseas natural person's page for non-resident enterprise identity information. */
package cn.etax.identity.taxpayer.web;
