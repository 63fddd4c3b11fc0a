/** A Spring Boot web app on eid-spring-boot-starter: hospital check-in and app login with one device per account. */
package io.github.eidvn.examples.spring;
