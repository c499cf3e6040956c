### evidence

## W501: a score with no evidence. The review site's "Việc cần làm" page
## lists those that are explained too, with this message.
W501-explained = Có điểm ({ $score }) nhưng không có tài liệu kiểm chứng; giải trình: «{ $explanation }».
W501-explained-help = Bổ sung tài liệu kiểm chứng vào `evidence:`: khi thẩm định, không có tài liệu thì không có điểm.
