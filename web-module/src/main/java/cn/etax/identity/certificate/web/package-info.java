/** Pages of the tax digital certificates (ENT-7 税务数字证书) in the enterprise account center. */
package cn.etax.identity.certificate.web;
