package dev.linkcrawl.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The {@code SQSEvent} Lambda's event source sends for a batch of received messages. */
final class SqsEventRecords {

    private SqsEventRecords() {}

    /** The event Lambda would send for these messages. */
    static SQSEvent of(List<Message> batch, String queueArn) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (Message message : batch) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(message.messageId());
            record.setReceiptHandle(message.receiptHandle());
            record.setBody(message.body());
            record.setMd5OfBody(message.md5OfBody());
            record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
            record.setAttributes(new HashMap<>(message.attributesAsStrings()));
            Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
            message.messageAttributes()
                    .forEach((name, value) -> attributes.put(name, attribute(value)));
            record.setMessageAttributes(attributes);
            record.setEventSource("aws:sqs");
            record.setEventSourceArn(queueArn);
            record.setAwsRegion(LocalSqs.REGION);
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(value.binaryValue().asByteBuffer());
        }
        attribute.setStringListValues(value.stringListValues());
        attribute.setBinaryListValues(
                value.binaryListValues().stream().map(SdkBytes::asByteBuffer).toList());
        return attribute;
    }
}
