/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The example GraphQL server: a Spring Boot application that added {@code lead-graphql} and nothing of the library
 * besides. It brings what a host brings — its own login ({@link DemoSecurity}), the {@code ActorResolver} that maps it
 * to the library's viewer, a database ({@code application.properties}), and here synthetic demo data
 * ({@link DemoDataLoader}) and a GraphiQL page served from its own resources.
 */
@SpringBootApplication
public class DemoServer {

    /** Starts the server; see the README for the URL and the demo users. */
    public static void main(String[] args) {
        SpringApplication.run(DemoServer.class, args);
    }
}
