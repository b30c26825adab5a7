package dev.lakehouse.gateway.limits;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Closes a connection whose next request's headers are not complete within a deadline, counted
 * from the connection's opening or from the end of its previous response. Netty's idle timeout
 * restarts with every byte, so a client sending a header a byte every few seconds (slowloris)
 * would hold the connection for hours; this deadline does not restart. Sits right after the
 * HTTP codec, so it sees whole requests coming in and response ends going out.
 */
class HeaderReadDeadline extends ChannelDuplexHandler {

    static final String NAME = "lakehouse.headerReadDeadline";

    private final long timeoutNanos;
    private @Nullable ScheduledFuture<?> deadline;
    private int requestsInFlight;

    HeaderReadDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        arm(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            requestsInFlight++;
            disarm();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // A 100 Continue is a whole response object too, but the request it answers goes on.
        boolean interim = msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        if (!(msg instanceof LastHttpContent) || interim) {
            ctx.write(msg, promise);
            return;
        }
        if (promise.isVoid()) {
            ctx.write(msg, promise);
            responseEnded(ctx);
        } else {
            promise.addListener((ChannelFutureListener) future -> responseEnded(ctx));
            ctx.write(msg, promise);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    private void responseEnded(ChannelHandlerContext ctx) {
        requestsInFlight = Math.max(0, requestsInFlight - 1);
        if (requestsInFlight == 0 && ctx.channel().isActive()) {
            arm(ctx);
        }
    }

    private void arm(ChannelHandlerContext ctx) {
        disarm();
        deadline = ctx.executor().schedule(() -> {
            if (requestsInFlight == 0) {
                ctx.close();
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
