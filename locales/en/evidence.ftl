### evidence

## W501: a score with no evidence. The review site's "Việc cần làm" page
## lists those that are explained too, with this message.
W501-explained = Scored ({ $score }) but with no evidence; explanation: «{ $explanation }».
W501-explained-help = Add the documents under `evidence:`: at appraisal, no evidence means no points.
