package org.triggerpoint.clinic.query.audit;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records a read of client records in the read log just before its answer's body is written, once its status is
 * set, so that the body can go out as it is written rather than be held whole until the row has committed (a
 * client's history is a few hundred kilobytes). See {@link ReadLogFilter.PendingRead}.
 */
@ControllerAdvice
class RecordReadBeforeAnswer implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(ReadLogFilter.PendingRead.ATTRIBUTE)
                instanceof ReadLogFilter.PendingRead pending) {
            pending.recordBeforeBody();
        }
        return body;
    }
}
