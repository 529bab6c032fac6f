package org.triggerpoint.clinic.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * The answer to a request that got no further than sign-in. Only missing or wrong credentials are the caller's to
 * mend (401: sign in). Credentials that could not be checked at all are a fault on this side: 503 while the database
 * cannot be reached (try again shortly), 500 for anything else that broke the check, logged with its cause. Either
 * way the request went no further, in either process.
 */
final class SignInFirst implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(SignInFirst.class);

    private final Problems problems;

    SignInFirst(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (DatabaseOutage.causedBy(failure)) {
            problems.write(request, response, DatabaseOutage.problem("The clinic's database cannot be reached, so "
                    + "your credentials could not be checked; your request was not carried out. Try again shortly."));
            return;
        }
        if (failure instanceof AuthenticationServiceException) {
            log.error("The credentials sent to {} {} could not be checked", request.getMethod(),
                    request.getRequestURI(), failure);
            problems.write(request, response, Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                    "Sign-in could not be checked", "Your credentials could not be checked because of a fault on "
                            + "the clinic's side; your request was not carried out. Try again, and tell the clinic's "
                            + "administrator if it goes on."));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"clinic\"");
        problems.write(request, response, Problems.problem(HttpStatus.UNAUTHORIZED,
                "Authentication required", "Sign in with a username and password of the clinic"));
    }
}
