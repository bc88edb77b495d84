/** REST channel of the tax-office staff console (§8) and its test fixture under the simulators. */
package cn.etax.identity.clerk.rest;
